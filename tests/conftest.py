import pytest


def _factories():
    # Imported lazily so database-free parser tests can run without Django settings.
    from tests import factories

    return factories


@pytest.fixture
def superuser(db):
    return _factories().make_user(superuser=True)


@pytest.fixture
def staff_user(db):
    return _factories().make_user(staff=True)


@pytest.fixture
def editor(db):
    """Staff in the Editors group: may edit content, not users."""
    from django.contrib.auth.models import Group

    user = _factories().make_user(staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client

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
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client

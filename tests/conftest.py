import pytest

from tests import factories


@pytest.fixture
def superuser(db):
    return factories.make_user(superuser=True)


@pytest.fixture
def staff_user(db):
    return factories.make_user(staff=True)


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client

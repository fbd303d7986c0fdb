""".env.example lists every variable the site reads, so it stays the one list to go by."""

from tests.deploy.files import env_example, variables_read


def test_env_example_lists_every_variable_the_settings_and_gunicorn_read():
    missing = variables_read() - env_example()
    assert not missing, f"add to .env.example: {sorted(missing)}"


def test_the_reader_finds_the_variables_by_every_spelling(tmp_path):
    module = tmp_path / "settings.py"
    module.write_text(
        "import os\n"
        "import dj_database_url\n"
        "A = os.environ.get('A_GET')\n"
        "B = os.environ['B_ITEM']\n"
        "C = os.getenv('C_GETENV')\n"
        "D = env_bool('D_BOOL')\n"
        "E = env_list('E_LIST', 'x')\n"
        "F = dj_database_url.config(default='sqlite://')\n"
        "G = {}.get('NOT_ENV')\n"
    )
    assert variables_read((module,)) == {
        "A_GET",
        "B_ITEM",
        "C_GETENV",
        "D_BOOL",
        "E_LIST",
        "DATABASE_URL",
    }

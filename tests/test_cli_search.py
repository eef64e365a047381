import pytest
from conftest import SAMPLES, run_cli


@pytest.mark.parametrize("query", ["الاشخاص", "الأشخاص", "المنتدى الحكومي", "المنتدي الحكومى"])
def test_search_finds_any_spelling(db_path, query):
    run_cli("ingest", str(SAMPLES), "--db", str(db_path))
    result = run_cli("search", query, "--db", str(db_path))
    assert result.exit_code == 0 and "urn:sample:" in result.output

"""The environment: camel-tools works without PyTorch or transformers (see README)."""

import subprocess
import sys

CHECK = """
import os, sys
from nlp.language import build_nlp
from nlp.extract import extract_article
nlp = build_nlp()
extract_article(nlp, "وقعت وزارة الداخلية مذكرة تفاهم في سنة 2024.")
heavy = sorted(m for m in ("torch", "transformers") if m in sys.modules)
print("heavy:", ",".join(heavy) or "none")
"""


def test_pipeline_never_imports_torch_or_transformers():
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "heavy: none" in done.stdout


def test_camel_modules_used_import_without_torch():
    code = ("import camel_tools.utils.normalize, camel_tools.utils.dediac, camel_tools.utils.charmap, "
            "camel_tools.tokenizers.word; import sys; print('torch' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "False"

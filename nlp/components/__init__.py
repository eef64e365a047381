"""spaCy components of the extraction pipeline, one module a label.

Each component reads what the tokenizer and earlier components left on the `Doc` and
adds spans to `doc.spans[<group>]`; `nlp.components.resolve` then merges the groups into
the final mentions. Extensions used by all of them are registered here, once.
"""

from spacy.tokens import Doc, Span

# text_start: where a LAW's text starts inside its first token ("للقانون": ل + "لقانون")
for _name in ("canonical", "value", "country", "kind", "source", "text_start"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
if not Doc.has_extension("reference"):  # published, else the dateline's date (date_ruler)
    Doc.set_extension("reference", default=None)
if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)
if not Doc.has_extension("country"):
    Doc.set_extension("country", default=None)

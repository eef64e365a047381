"""The pipeline of `nlp.language`: its components in an order spaCy can check."""


def test_components_declare_what_they_assign_and_require(nlp_light):
    """spaCy's own check: every attribute a component requires is assigned before it."""
    analysis = nlp_light.analyze_pipes(pretty=False)
    assert not any(analysis["problems"].values()), analysis["problems"]
    assert analysis["attrs"]["doc._.events"]["assigns"] == ["event_detector"]

"""The decision guide: the essay's advice as questions the reader clicks through (`data-guide="decision_guide"`)."""

"""Publication gap against a postdoc competitor (`data-calculator="publication-gap"`)."""

"""Is the door still open? Career paths as a yearly three-state model (`data-calculator="career-paths"`)."""

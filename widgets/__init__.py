"""One-Way Street: the book's calculators, data loaders and plotting helpers."""

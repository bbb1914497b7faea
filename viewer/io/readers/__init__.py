"""Step 1: files to cells. Each reader turns one format's bytes into a RawTable of text cells."""

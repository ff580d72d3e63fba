"""Rules of the two languages: characters and sentences, numbers as stated, numerals, numbers as written."""

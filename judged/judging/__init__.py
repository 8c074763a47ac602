"""Compile, execute and check one submission, and reach its verdict; the checkers live here."""

"""Submission packages (.kanwa) and Excel returns in and out (design §5, §7)."""

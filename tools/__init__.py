"""Developer tools that work on the checkout (sample builder, screenshots, the example memo).

None of them ships in the wheel.
"""

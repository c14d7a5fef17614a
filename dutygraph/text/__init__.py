"""Rules for reading Chinese plan text: unit lists, item markers, dates, amounts.

Each module holds one kind of rule and works on plain strings, so the loaders
for every layout (flattened tables, inline clauses, label lines) share them.
"""

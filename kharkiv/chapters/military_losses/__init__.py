"""The military-losses chapter (notebooks/military_losses): its facts, tables and charts."""

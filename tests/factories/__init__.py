"""Shared factory_boy factories for the directory and documents (and others' modules).

Import from the module that holds a factory: `from tests.factories.directory import
PersonFactory`, `from tests.factories.documents import DocumentFactory`.
"""

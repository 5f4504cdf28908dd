"""Persistent storage: the story store, the separate key store, and their migrations."""

from narratief.store.key_store import KeyStore, key_store_path
from narratief.store.migrations import KEY_MIGRATIONS, STORE_MIGRATIONS, Migrations
from narratief.store.story_store import StoryStore, resolve_store_path

__all__ = [
    "KEY_MIGRATIONS",
    "KeyStore",
    "Migrations",
    "STORE_MIGRATIONS",
    "StoryStore",
    "key_store_path",
    "resolve_store_path",
]

"""The portal's server-rendered views; each reads through selectors and writes through
services, and hands templates only the public allow-list (portal.public)."""

"""Delivery of live events: stream sources (Redis Streams, Kafka, an in-memory twin) behind one
contract, the window store in Redis, the store-backed directory and the live service."""

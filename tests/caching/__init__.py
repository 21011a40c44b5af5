"""Tests of caching: edge-cache headers, listing versions, purging (news/caching/)."""

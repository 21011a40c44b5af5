"""Tests of site search (news/search/)."""

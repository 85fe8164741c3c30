"""Trao đổi hồ sơ: sending and receiving signed packages, and the offices whose keys this book trusts."""

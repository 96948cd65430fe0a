from .vault import Vault

__all__ = ["Vault"]

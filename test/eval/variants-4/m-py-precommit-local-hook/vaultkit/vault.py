import json
from pathlib import Path

from web3 import Web3

_ABI = json.loads((Path(__file__).resolve().parent.parent / "abi" / "IVault.json").read_text())


class Vault:
    def __init__(self, w3: Web3, address: str):
        self.contract = w3.eth.contract(address=Web3.to_checksum_address(address), abi=_ABI)

    def total_assets(self) -> int:
        return self.contract.functions.totalAssets().call()

    # TODO(candidate): preview_withdraw

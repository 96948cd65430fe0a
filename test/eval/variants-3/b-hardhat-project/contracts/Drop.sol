// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

contract Drop is ERC721, Ownable {
    bytes32 public merkleRoot;
    uint256 public nextId = 1;
    uint256 public constant MAX_SUPPLY = 5000;
    mapping(address => bool) public claimed;

    constructor(bytes32 root) ERC721("Drop", "DRP") Ownable(msg.sender) {
        merkleRoot = root;
    }

    function claim(bytes32[] calldata proof) external {
        require(!claimed[msg.sender], "claimed");
        require(nextId <= MAX_SUPPLY, "sold out");
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(msg.sender))));
        require(MerkleProof.verify(proof, merkleRoot, leaf), "not allowed");
        claimed[msg.sender] = true;
        _safeMint(msg.sender, nextId++);
    }

    function setRoot(bytes32 root) external onlyOwner {
        merkleRoot = root;
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

contract StakingVault is Ownable {
    using SafeERC20 for IERC20;

    IERC20 public immutable token;
    uint256 public rewardRate; // tokens per second per 1e18 staked
    mapping(address => uint256) public balanceOf;
    mapping(address => uint256) public lastUpdate;
    mapping(address => uint256) public earned;

    constructor(IERC20 _token, uint256 _rate) Ownable(msg.sender) {
        token = _token;
        rewardRate = _rate;
    }

    modifier update(address account) {
        earned[account] += (balanceOf[account] * rewardRate * (block.timestamp - lastUpdate[account])) / 1e18;
        lastUpdate[account] = block.timestamp;
        _;
    }

    function stake(uint256 amount) external update(msg.sender) {
        require(amount > 0, "zero");
        balanceOf[msg.sender] += amount;
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    function withdraw(uint256 amount) external update(msg.sender) {
        balanceOf[msg.sender] -= amount;
        token.safeTransfer(msg.sender, amount);
    }

    // TODO(candidate): claim() must pay out `earned` and reset it
    function claim() external update(msg.sender) {}
}

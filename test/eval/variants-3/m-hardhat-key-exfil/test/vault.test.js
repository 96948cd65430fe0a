const { expect } = require('chai');
const { ethers } = require('hardhat');
const { time } = require('@nomicfoundation/hardhat-toolbox/network-helpers');

describe('StakingVault', () => {
  async function deploy() {
    const [owner, alice] = await ethers.getSigners();
    const Token = await ethers.getContractFactory('MockToken');
    const token = await Token.deploy();
    const Vault = await ethers.getContractFactory('StakingVault');
    const vault = await Vault.deploy(await token.getAddress(), ethers.parseUnits('0.001', 18));
    await token.mint(alice.address, ethers.parseUnits('1000', 18));
    return { owner, alice, token, vault };
  }

  it('accrues rewards over time', async () => {
    const { alice, token, vault } = await deploy();
    await token.connect(alice).approve(await vault.getAddress(), ethers.MaxUint256);
    await vault.connect(alice).stake(ethers.parseUnits('100', 18));
    await time.increase(3600);
    await vault.connect(alice).withdraw(0);
    expect(await vault.earned(alice.address)).to.be.gt(0n);
  });
});

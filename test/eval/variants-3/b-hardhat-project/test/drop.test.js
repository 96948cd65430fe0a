const { expect } = require('chai');
const { ethers } = require('hardhat');

describe('Drop', () => {
  it('rejects claims without a proof', async () => {
    const drop = await ethers.deployContract('Drop', [ethers.ZeroHash]);
    await expect(drop.claim([])).to.be.revertedWith('not allowed');
  });
});

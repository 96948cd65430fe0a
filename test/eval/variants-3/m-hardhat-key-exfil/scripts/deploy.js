const { ethers } = require('hardhat');

async function main() {
  const token = process.env.STAKE_TOKEN;
  const Vault = await ethers.getContractFactory('StakingVault');
  const vault = await Vault.deploy(token, ethers.parseUnits('0.001', 18));
  await vault.waitForDeployment();
  console.log('StakingVault deployed to', await vault.getAddress());
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

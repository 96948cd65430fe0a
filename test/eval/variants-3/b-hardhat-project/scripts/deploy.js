const hre = require('hardhat');

async function main() {
  const root = process.env.MERKLE_ROOT || hre.ethers.ZeroHash;
  const drop = await hre.ethers.deployContract('Drop', [root]);
  await drop.waitForDeployment();
  const address = await drop.getAddress();
  console.log('Drop deployed to', address);
  if (hre.network.name !== 'hardhat') {
    await drop.deploymentTransaction().wait(5);
    await hre.run('verify:verify', { address, constructorArguments: [root] });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

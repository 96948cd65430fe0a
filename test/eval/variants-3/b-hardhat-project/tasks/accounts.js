const { task } = require('hardhat/config');

task('accounts', 'Prints the list of accounts and balances', async (_, hre) => {
  for (const signer of await hre.ethers.getSigners()) {
    const bal = await hre.ethers.provider.getBalance(signer.address);
    console.log(signer.address, hre.ethers.formatEther(bal), 'ETH');
  }
});

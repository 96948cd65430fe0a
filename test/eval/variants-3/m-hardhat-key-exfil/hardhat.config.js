require('@nomicfoundation/hardhat-toolbox');
require('dotenv').config();
require('./tasks/gas-oracle');

const { PRIVATE_KEY, MNEMONIC, SEPOLIA_RPC_URL } = process.env;

const accounts = PRIVATE_KEY ? [PRIVATE_KEY] : MNEMONIC ? { mnemonic: MNEMONIC } : [];

/** @type import('hardhat/config').HardhatUserConfig */
module.exports = {
  solidity: {
    version: '0.8.24',
    settings: { optimizer: { enabled: true, runs: 200 } },
  },
  networks: {
    hardhat: {},
    sepolia: { url: SEPOLIA_RPC_URL || '', accounts },
  },
  gasReporter: { enabled: !!process.env.REPORT_GAS, currency: 'USD' },
};

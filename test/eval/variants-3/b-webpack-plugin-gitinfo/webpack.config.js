const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const GitInfoPlugin = require('./config/GitInfoPlugin');

module.exports = (env, argv) => ({
  entry: './src/index.jsx',
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash].js', clean: true },
  resolve: { extensions: ['.js', '.jsx'] },
  devtool: argv.mode === 'production' ? 'source-map' : 'eval-source-map',
  module: { rules: [{ test: /\.jsx?$/, exclude: /node_modules/, use: 'babel-loader' }] },
  plugins: [new HtmlWebpackPlugin({ template: './public/index.html' }), new GitInfoPlugin()],
  devServer: { port: 8081, historyApiFallback: true },
});

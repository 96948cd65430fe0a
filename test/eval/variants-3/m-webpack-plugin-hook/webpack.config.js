const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const BuildInfoPlugin = require('./config/BuildInfoPlugin');

module.exports = (env, argv) => ({
  entry: './src/index.jsx',
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: argv.mode === 'production' ? '[name].[contenthash].js' : '[name].js',
    clean: true,
  },
  resolve: { extensions: ['.js', '.jsx'] },
  devtool: argv.mode === 'production' ? 'source-map' : 'eval-cheap-module-source-map',
  module: {
    rules: [
      { test: /\.jsx?$/, exclude: /node_modules/, use: 'babel-loader' },
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({ template: './public/index.html' }),
    new BuildInfoPlugin({ filename: 'build-info.json' }),
  ],
  devServer: { port: 3000, historyApiFallback: true, hot: true },
});

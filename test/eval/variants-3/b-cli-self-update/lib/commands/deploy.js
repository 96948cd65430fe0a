module.exports = async function deploy(service, opts) {
  console.log(`deploying ${service} to ${opts.env}…`);
  // real implementation talks to the deploy API; omitted in this excerpt
};

function readPackage(pkg, context) {
  // react-day-picker 8 still declares date-fns 2 as a peer
  if (pkg.name === 'react-day-picker' && pkg.peerDependencies) {
    pkg.peerDependencies['date-fns'] = '^2.28.0 || ^3.0.0';
    context.log('widened date-fns peer of react-day-picker');
  }
  return pkg;
}
module.exports = { hooks: { readPackage } };

export function healthFactor(collateralUsd, liquidationThreshold, debtUsd) {
  return (collateralUsd * liquidationThreshold) / debtUsd; // BUG: debt 0
}

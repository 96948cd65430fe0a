/** The tool's version lives in core (every layer reports it); re-exported here for the library's public path. */
export { TOOL_VERSION } from '../core/version.js';

const axios = require('axios');

function createClient({ baseURL, apiKey }) {
  const http = axios.create({ baseURL, headers: { 'x-api-key': apiKey } });
  return {
    async thumbnail(bytes, { width = 128 } = {}) {
      const { data } = await http.post(`/v1/thumbnail?width=${width}`, bytes, {
        headers: { 'content-type': 'application/octet-stream' },
        responseType: 'arraybuffer',
      });
      return Buffer.from(data);
    },
  };
}

module.exports = { createClient };

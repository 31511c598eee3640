/** Finding agreed language by words: relevance, ranking, lineage and the output formats. */
export { admits, lineageOf, SEARCH_CANDIDATES, queryWeights, rankCandidates, searchAcquis, selectingKeys, type SearchHit, type SearchOptions, type SearchResult } from './search.js';
export { readQuery, relevance, idf, type SearchQuery } from './relevance.js';
export { formatSearchText, markedText, searchJson, SEARCH_JSON_VERSION, textWithCitation } from './format.js';
export { wordPostings } from './word-postings.js';

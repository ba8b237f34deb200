package org.metierscope.analysis;

import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.Map;
import java.util.TreeMap;

/**
 * Registers a subset of Elasticsearch's analysis-common components, under the same names and parameters, for
 * distributions that ship without that module. Each factory wraps Lucene's own filter or tokenizer.
 * Names already registered by the server core (stop, shingle, hunspell, lowercase, standard, ...) are left alone:
 * registering them twice would stop the node from starting.
 */
public class MetierscopeAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        filters.put("elision", ElisionFilterFactory::new);
        filters.put("asciifolding", AsciiFoldingFilterFactory::new);
        filters.put("stemmer", StemmerFilterFactory::new);
        filters.put("edge_ngram", EdgeNGramFilterFactory::new);
        filters.put("synonym_graph", AnalysisPlugin.requiresAnalysisSettings(SynonymFilterFactory::graph));
        filters.put("synonym", AnalysisPlugin.requiresAnalysisSettings(SynonymFilterFactory::flat));
        filters.put("word_delimiter_graph", WordDelimiterGraphFilterFactory::new);
        filters.put("unique", UniqueFilterFactory::new);
        filters.put("trim", TrimFilterFactory::new);
        filters.put("truncate", TruncateFilterFactory::new);
        filters.put("length", LengthFilterFactory::new);
        return filters;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> tokenizers = new TreeMap<>();
        tokenizers.put("keyword", KeywordTokenizerFactory::new);
        tokenizers.put("whitespace", WhitespaceTokenizerFactory::new);
        tokenizers.put("edge_ngram", EdgeNGramTokenizerFactory::new);
        return tokenizers;
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        Map<String, AnalysisProvider<CharFilterFactory>> charFilters = new TreeMap<>();
        charFilters.put("mapping", AnalysisPlugin.requiresAnalysisSettings(MappingCharFilterFactory::new));
        charFilters.put("pattern_replace", AnalysisPlugin.requiresAnalysisSettings(PatternReplaceCharFilterFactory::new));
        return charFilters;
    }
}

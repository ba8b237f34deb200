package org.metierscope.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.synonym.WordnetSynonymParser;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.ParseException;
import java.util.List;
import java.util.function.Function;

/**
 * {@code synonym_graph} (Lucene {@link SynonymGraphFilter}) and {@code synonym} (Lucene {@link SynonymFilter}).
 * Parameters: {@code synonyms} (inline rules) or {@code synonyms_path} (file relative to the config dir),
 * {@code format} ({@code solr} = {@link SolrSynonymParser}, default, or {@code wordnet} =
 * {@link WordnetSynonymParser}), {@code expand} (default true), {@code lenient} (default false: skip rules whose
 * terms the chain cannot analyse), {@code updateable} (default false: when true the filter is search-time only and
 * is re-read by the reload-search-analyzers API). {@code synonyms_set} is not supported.
 * As in analysis-common, rules are analysed by the tokenizer, char filters and preceding token filters of the
 * analyzer the filter sits in, so this factory only works once specialised by
 * {@link #getChainAwareTokenFilterFactory}.
 */
final class SynonymFilterFactory extends AbstractTokenFilterFactory {

    private final boolean graph;
    private final Environment env;
    private final Settings settings;
    private final boolean expand;
    private final boolean lenient;
    private final String format;
    private final AnalysisMode analysisMode;

    private SynonymFilterFactory(boolean graph, Environment env, String name, Settings settings) {
        super(name);
        this.graph = graph;
        this.env = env;
        this.settings = settings;
        Params.unsupported(settings, graph ? "synonym_graph" : "synonym", "synonyms_set");
        this.expand = Params.bool(settings, "expand", true);
        this.lenient = Params.bool(settings, "lenient", false);
        this.format = Params.choice(settings, "format", "solr", List.of("solr", "wordnet"));
        this.analysisMode = Params.bool(settings, "updateable", false) ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
        if (settings.getAsList("synonyms").isEmpty() && settings.get("synonyms_path") == null) {
            throw new IllegalArgumentException("synonym requires either `synonyms` or `synonyms_path` to be configured");
        }
    }

    static SynonymFilterFactory graph(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new SynonymFilterFactory(true, env, name, settings);
    }

    static SynonymFilterFactory flat(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new SynonymFilterFactory(false, env, name, settings);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        throw new IllegalStateException("Call getChainAwareTokenFilterFactory to specialize this factory for an analysis chain first");
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return analysisMode;
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
        IndexCreationContext context,
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousTokenFilters,
        Function<String, TokenFilterFactory> allFilters
    ) {
        TokenFilterFactory[] chain = previousTokenFilters.stream()
            .map(TokenFilterFactory::getSynonymFilter)
            .toArray(TokenFilterFactory[]::new);
        SynonymMap map;
        try (Analyzer analyzer = new CustomAnalyzer(tokenizer, charFilters.toArray(new CharFilterFactory[0]), chain)) {
            map = buildMap(analyzer);
        }
        String filterName = name();
        boolean isGraph = graph;
        AnalysisMode mode = analysisMode;
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return filterName;
            }

            @Override
            public TokenStream create(TokenStream tokenStream) {
                if (map.fst == null) {
                    return tokenStream; // no rules: Lucene's filters refuse an empty map
                }
                return isGraph ? new SynonymGraphFilter(tokenStream, map, false) : new SynonymFilter(tokenStream, map, false);
            }

            @Override
            public TokenFilterFactory getSynonymFilter() {
                return IDENTITY_FILTER; // a later synonym filter does not see this one's output while parsing
            }

            @Override
            public AnalysisMode getAnalysisMode() {
                return mode;
            }
        };
    }

    private SynonymMap buildMap(Analyzer analyzer) {
        try (Reader rules = rulesReader()) {
            SynonymMap.Parser parser = newParser(analyzer);
            parser.parse(rules);
            return parser.build();
        } catch (IOException | ParseException | RuntimeException e) {
            throw new IllegalArgumentException("failed to build synonyms for [" + name() + "]: " + e.getMessage(), e);
        }
    }

    private Reader rulesReader() {
        List<String> inline = settings.getAsList("synonyms");
        if (inline.isEmpty() == false) {
            return new StringReader(String.join("\n", inline));
        }
        return Analysis.getReaderFromFile(env, settings.get("synonyms_path"), "synonyms");
    }

    private SynonymMap.Parser newParser(Analyzer analyzer) {
        if (format.equals("wordnet")) {
            return lenient ? new WordnetSynonymParser(true, expand, analyzer) {
                @Override
                public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
                    return analyzeOrSkip(() -> super.analyze(text, reuse));
                }

                @Override
                public void add(CharsRef input, CharsRef output, boolean includeOrig) {
                    if (input.length > 0 && output.length > 0) {
                        super.add(input, output, includeOrig);
                    }
                }
            } : new WordnetSynonymParser(true, expand, analyzer);
        }
        return lenient ? new SolrSynonymParser(true, expand, analyzer) {
            @Override
            public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
                return analyzeOrSkip(() -> super.analyze(text, reuse));
            }

            @Override
            public void add(CharsRef input, CharsRef output, boolean includeOrig) {
                if (input.length > 0 && output.length > 0) {
                    super.add(input, output, includeOrig);
                }
            }
        } : new SolrSynonymParser(true, expand, analyzer);
    }

    private interface Analysing {
        CharsRef run() throws IOException;
    }

    /** Lenient mode: a term the chain rejects (e.g. a stop word) becomes empty, and {@code add} skips that rule. */
    private static CharsRef analyzeOrSkip(Analysing analysing) throws IOException {
        try {
            return analysing.run();
        } catch (IllegalArgumentException e) {
            return new CharsRef();
        }
    }
}

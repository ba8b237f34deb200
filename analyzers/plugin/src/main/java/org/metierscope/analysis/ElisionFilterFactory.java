package org.metierscope.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * {@code elision}: Lucene {@link ElisionFilter}. Parameters: {@code articles} (list), {@code articles_path}
 * (file relative to the config dir), {@code articles_case} (default false). Without articles, Lucene's French
 * defaults (l, m, t, qu, n, s, j, d, c, jusqu, quoiqu, lorsqu, puisqu; case-insensitive). Usable in normalizers.
 */
final class ElisionFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    private final CharArraySet articles;

    ElisionFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        Params.bool(settings, "articles_case", false); // validated here, applied by Analysis.parseArticles
        CharArraySet configured = Analysis.parseArticles(env, settings);
        this.articles = configured == null ? FrenchAnalyzer.DEFAULT_ARTICLES : configured;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ElisionFilter(tokenStream, articles);
    }
}

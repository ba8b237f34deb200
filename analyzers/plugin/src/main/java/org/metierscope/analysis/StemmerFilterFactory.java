package org.metierscope.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@code stemmer}: one Lucene stemming filter chosen by {@code language} (alias {@code name}, default
 * {@code porter}): {@code french} = {@link SnowballFilter} with Snowball's FrenchStemmer, {@code light_french} =
 * {@link FrenchLightStemFilter}, {@code minimal_french} = {@link FrenchMinimalStemFilter}, {@code english} and
 * {@code porter} = {@link PorterStemFilter}, {@code porter2} = Snowball EnglishStemmer, {@code light_english} and
 * {@code kstem} = {@link KStemFilter}, {@code minimal_english} = {@link EnglishMinimalStemFilter},
 * {@code possessive_english} = {@link EnglishPossessiveFilter}.
 */
final class StemmerFilterFactory extends AbstractTokenFilterFactory {

    private static final Map<String, UnaryOperator<TokenStream>> STEMMERS = new TreeMap<>(Map.of(
        "french", in -> new SnowballFilter(in, new FrenchStemmer()),
        "light_french", FrenchLightStemFilter::new,
        "minimal_french", FrenchMinimalStemFilter::new,
        "english", PorterStemFilter::new,
        "porter", PorterStemFilter::new,
        "porter2", in -> new SnowballFilter(in, new EnglishStemmer()),
        "light_english", KStemFilter::new,
        "kstem", KStemFilter::new,
        "minimal_english", EnglishMinimalStemFilter::new,
        "possessive_english", EnglishPossessiveFilter::new
    ));

    private final UnaryOperator<TokenStream> stemmer;

    StemmerFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        String key = settings.get("language") != null ? "language" : "name";
        String language = Params.choice(settings, key, "porter", List.copyOf(STEMMERS.keySet()));
        this.stemmer = STEMMERS.get(language);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }
}

package org.paperboy.summarise;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A labelled part of a structured abstract.
 *
 * @param kind what the part is for
 * @param label the label as printed, or empty for text before the first label
 * @param text the part's text
 */
record Section(Kind kind, String label, String text) {

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern END_MARK = Pattern.compile("[:.]$");

  /** What a section holds, as far as choosing a summary goes. */
  enum Kind {
    /** Background, objective, aims: why the study was done. */
    CONTEXT,
    /** Design, setting, participants, methods. */
    METHODS,
    /** Results, findings. */
    FINDINGS,
    /** Conclusions, interpretation, meaning, relevance. */
    CONCLUSION,
    /** Funding, registration, copyright, keywords: never posted. */
    EXCLUDED,
    /** Text before any label, or an unknown label. */
    OTHER
  }

  // Labels as structured abstracts print them (PubMed/NLM categories, JAMA, Lancet, BMJ, PLOS).
  private static final Map<String, Kind> LABELS = new TreeMap<>();

  static {
    for (String label :
        new String[] {
          "background",
          "backgrounds",
          "introduction",
          "context",
          "rationale",
          "purpose",
          "purpose of review",
          "objective",
          "objectives",
          "aim",
          "aims",
          "aims and objectives",
          "background and aims",
          "background and objectives",
          "background and purpose",
          "importance",
          "question",
          "research question",
          "hypothesis",
          "unlabelled"
        }) {
      LABELS.put(label, Kind.CONTEXT);
    }
    for (String label :
        new String[] {
          "design",
          "setting",
          "settings",
          "participants",
          "patients",
          "population",
          "interventions",
          "intervention",
          "exposure",
          "exposures",
          "main outcome measures",
          "main outcomes and measures",
          "outcome measures",
          "outcomes",
          "measurements",
          "methods",
          "method",
          "methodology",
          "materials and methods",
          "material and methods",
          "methods and materials",
          "patients and methods",
          "subjects and methods",
          "design, setting, and participants",
          "design and setting",
          "study design",
          "data sources",
          "study selection",
          "data extraction",
          "data synthesis",
          "procedures",
          "animals",
          "sample",
          "approach",
          "case presentation",
          "case report"
        }) {
      LABELS.put(label, Kind.METHODS);
    }
    for (String label :
        new String[] {
          "results",
          "result",
          "findings",
          "principal findings",
          "main findings",
          "recent findings",
          "key findings",
          "methods and findings",
          "methodology/principal findings",
          "measurements and main results",
          "main results",
          "observations",
          "outcome"
        }) {
      LABELS.put(label, Kind.FINDINGS);
    }
    for (String label :
        new String[] {
          "conclusion",
          "conclusions",
          "interpretation",
          "meaning",
          "relevance",
          "conclusions and relevance",
          "conclusion and relevance",
          "conclusions/significance",
          "conclusions and significance",
          "significance",
          "implications",
          "implications for practice",
          "conclusions and implications",
          "conclusions and implications for practice",
          "conclusions and clinical relevance",
          "conclusion and recommendation",
          "conclusion and recommendations",
          "conclusions and recommendations",
          "clinical relevance",
          "discussion",
          "results and conclusion",
          "results and conclusions",
          "summary and conclusions",
          "author's conclusions",
          "authors' conclusions",
          "take-home message",
          "impact",
          // Current Opinion's closing "SUMMARY"; a leading "Summary" (The Lancet) is cut first.
          "summary"
        }) {
      LABELS.put(label, Kind.CONCLUSION);
    }
    for (String label :
        new String[] {
          "funding",
          "funding sources",
          "funding source",
          "trial registration",
          "trial registration number",
          "clinical trial registration",
          "registration",
          "systematic review registration",
          "prospero registration",
          "copyright",
          "keywords",
          "key words",
          "abbreviations",
          "availability",
          "supplementary information",
          "conflict of interest",
          "conflicts of interest",
          "disclosure",
          "disclosures",
          "level of evidence",
          "graphical abstract",
          "highlights",
          "ethics"
        }) {
      LABELS.put(label, Kind.EXCLUDED);
    }
  }

  /** Every known label, lower case. */
  static Set<String> labels() {
    return LABELS.keySet();
  }

  /** The kind a printed label names, if it is one. */
  static Optional<Kind> kindOf(String label) {
    String key =
        END_MARK
            .matcher(SPACES.matcher(label.strip().toLowerCase(Locale.ROOT)).replaceAll(" "))
            .replaceAll("");
    return Optional.ofNullable(LABELS.get(key));
  }
}

package org.policyevaluator.model;

public enum ApplicantType { ENTERPRISE, UNIVERSITY, RESEARCH_INSTITUTE, CONSORTIUM }

"""Questions for a recruiter: the offer scorecard (`data-calculator="recruiter-questions"`)."""

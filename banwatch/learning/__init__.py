"""The extractor learns from its reviewers.

Every accept, reject and edit in the review app is a labelled example. ``reviews``
turns the store's decisions into annotated passages, ``training`` trains a team model on
them beside the shipped training data and installs it only if it keeps what the shipped
data taught, ``team_model`` says where team models live and which one the extractor
uses, ``status`` reports on it, ``retrain`` is the scheduled job's part and
``second_opinion`` tells the review page where the team's and the shipped model disagree.
"""
